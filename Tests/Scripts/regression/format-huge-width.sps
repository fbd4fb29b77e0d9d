# Fuzz/limits regression: overflow format width
# expect error: format width or precision in '%999999999d' is too large (at most 10000)

print (format "%999999999d" 1)
