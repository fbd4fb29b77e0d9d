# Bad input: type compare string number
# expect error: '<' cannot be applied to string and number

print ("a" < 1)
