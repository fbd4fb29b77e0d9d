# Bad input: overflow power
# expect: inf -inf

print (2 ** 10000) (-(2 ** 10000))
