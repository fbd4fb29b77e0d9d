r = {a: 1, b 2}  # expect error: expected ':' after the field name 'b'
