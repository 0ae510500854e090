import NagRules
