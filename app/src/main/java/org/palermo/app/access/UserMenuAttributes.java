package org.palermo.app.access;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user (or null) into every page's model for the user menu. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class UserMenuAttributes {

  @ModelAttribute("currentUser")
  PalermoPrincipal currentUser() {
    return CurrentUser.find().orElse(null);
  }
}
