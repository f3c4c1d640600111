"""Wales's ALN law: the rule table, its RuleSet and the process functions (docs/wales.md)."""
