# No operand and "-" both mean stdin; messages name <stdin>.
printf '{"bad"\n' | irm-norm
printf '{"CreationTime":"2026-03-04T09:00:00","Id":"s1","Operation":"FileAccessed","UserId":"a@contoso.com"}\n' | irm-norm - 
