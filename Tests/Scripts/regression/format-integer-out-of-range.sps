# Fuzz/limits regression: overflow format integer
# expect error: %d needs an integer below 9.2e18 in size, got 1e+300; use %g

print (format "%d" 1e300)
