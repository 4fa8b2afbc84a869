/**
 * Knowledge for migrants and officials (issue 18): the rights information pages, public and without
 * an account, in twelve languages ({@code /rights}, {@code /rights/{topic}?lang=xx}). The texts are
 * resources ({@code knowledge/rights/*.properties}), each language with its translation status; the
 * pages are small, carry no script and print on one sheet (docs/knowledge.md).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "access"})
package org.palermo.app.knowledge;
