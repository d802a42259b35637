// stylelint over the site's CSS (`make lint`; npm ci installs it from package-lock.json).
// stylelint-config-standard, with only these departures, each for a reason:
export default {
  extends: ["stylelint-config-standard"],
  rules: {
    // The class names are BEM (block__element--modifier: .site-header__tools,
    // .button--primary), which the standard's kebab-case pattern does not allow.
    // Checked against BEM's shape instead of dropped.
    "selector-class-pattern": [
      "^[a-z][a-z0-9]*(-[a-z0-9]+)*(__[a-z0-9]+(-[a-z0-9]+)*)?(--[a-z0-9]+(-[a-z0-9]+)*)?$",
      { message: (selector) => `Expected class selector "${selector}" to be BEM in kebab-case` },
    ],
    // The stylesheet is ordered by component (header, cards, forms, footer…); this rule
    // compares selectors of unrelated components (".site-footer a" after ".hero a:not(.button)")
    // that never match the same element, and reordering to please it would scatter components.
    "no-descending-specificity": null,
    // Keep `(min-width: …)`: the range form `(width >= …)` needs Safari 16.4 or later,
    // and the site supports older iPhones and iPads.
    "media-feature-range-notation": "prefix",
    // The font stack lives in a custom property (--font), where stylelint cannot tell font
    // family names (Roboto, Arial: their usual spelling) from keywords.
    "value-keyword-case": ["lower", { ignoreProperties: ["/^--font/"] }],
    // Safari on iOS still needs the prefixed -webkit-text-size-adjust (it ignores the
    // standard property), or it enlarges text on rotation.
    "property-no-vendor-prefix": [true, { ignoreProperties: ["-webkit-text-size-adjust"] }],
  },
};
