# Bad input: data csv header only
# expect: 0

d = csv "Tests/Scripts/badinput/fixtures/header-only.csv"
print d.n
m = linear 2 1
# expect error: cannot train on an empty dataset
fit m d epochs=1
