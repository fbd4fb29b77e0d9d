print !true  # expect error: use 'not' for negation
