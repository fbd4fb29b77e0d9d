# Regression (fuzz-run slow unit, 10 s under AddressSanitizer): `str` of a list nested 60 deep whose halves share
# storage copied its 1 MiB of text once per level and scanned it for line breaks; now one line is written once.
x = [1]
for i in range 60 { x = [x, x] }
print ((len (str x)) < 2000000) (x == x)
