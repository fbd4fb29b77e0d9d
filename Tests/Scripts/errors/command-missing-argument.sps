print (eye())  # expect error: eye is missing argument 'n'
