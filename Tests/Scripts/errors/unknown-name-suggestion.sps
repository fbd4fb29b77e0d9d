value = 1
print valeu  # expect error: did you mean 'value'?
