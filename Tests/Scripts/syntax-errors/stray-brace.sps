}  # expect error: unexpected '}' with no open block
