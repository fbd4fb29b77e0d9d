# Bad input: unknown builtin typo
# expect error: unknown name 'sqr'; did you mean 'sqrt'?

print (sqr 4)
