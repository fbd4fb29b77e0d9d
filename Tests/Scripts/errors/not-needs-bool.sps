print (not 1)  # expect error: 'not' needs true or false
