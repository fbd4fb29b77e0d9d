print (1 and true)  # expect error: 'and' needs true or false
