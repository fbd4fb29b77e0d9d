# Bad input: format %x of inf says it needs a finite number and got inf (issue 15)

# expect error: %x needs a finite number, got inf; use %g or %f to show nan and inf
s = format "%x" (exp 1000)
