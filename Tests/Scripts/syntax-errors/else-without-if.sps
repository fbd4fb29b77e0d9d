else { }  # expect error: 'else' without a matching 'if'
