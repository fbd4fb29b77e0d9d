# Bad input: format %d of nan says it needs a finite number and got nan, not "needs a number, got number" (issue 15)

x = sqrt (0 - 1)
# expect error col 5: %d needs a finite number, got nan; use %g or %f to show nan and inf
s = format "%d" x
