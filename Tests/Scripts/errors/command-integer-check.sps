print (eye 2.5)  # expect error: argument 'n' of eye must be an integer, got number 2.5
