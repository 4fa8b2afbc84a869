package org.palermo.app.cases.care;

import java.util.Map;
import java.util.UUID;
import org.palermo.app.access.CurrentUser;
import org.palermo.app.access.PalermoPrincipal;
import org.palermo.app.cases.CaseLookup;
import org.palermo.app.platform.FormErrors;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The attachments page of a case: list, upload (a plain multipart form) and download. */
@Controller
@RequestMapping("/cases/{caseId}/attachments")
class AttachmentPages {
  private final Attachments attachments;
  private final CaseLookup cases;

  AttachmentPages(Attachments attachments, CaseLookup cases) {
    this.attachments = attachments;
    this.cases = cases;
  }

  @GetMapping
  String list(@PathVariable UUID caseId, Model model) {
    model.addAttribute("attachments", attachments.list(CurrentUser.get(), caseId));
    CarePages.frame(model, cases, caseId, "attachments");
    model.addAttribute("maxMegabytes", Math.max(1, attachments.maxBytes() / (1024 * 1024)));
    return "cases/care/attachments";
  }

  @PostMapping
  String upload(
      @PathVariable UUID caseId,
      @RequestParam(name = "file", required = false) MultipartFile file,
      Model model) {
    PalermoPrincipal me = CurrentUser.get();
    return FormErrors.on("upload")
        .submit(
            model,
            Map.of(),
            () -> {
              upload(me, caseId, file);
              return "redirect:/cases/" + caseId + "/attachments?saved";
            },
            () -> list(caseId, model));
  }

  private UUID upload(PalermoPrincipal me, UUID caseId, MultipartFile file) {
    if (file == null || file.isEmpty()) {
      throw CareGuard.invalid("file", CareRefusal.EMPTY, "Choose a file.");
    }
    return attachments.upload(
        me, caseId, file.getOriginalFilename(), AttachmentApi.read(file, attachments.maxBytes()));
  }

  @GetMapping("/{attachmentId}")
  ResponseEntity<byte[]> download(@PathVariable UUID caseId, @PathVariable UUID attachmentId) {
    return AttachmentResponses.download(
        attachments.download(CurrentUser.get(), caseId, attachmentId));
  }
}
