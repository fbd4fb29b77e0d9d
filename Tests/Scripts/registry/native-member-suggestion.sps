c = counter()
print c.vaule  # expect error: Counter has no member 'vaule'; did you mean 'value'? (members: value, name)
