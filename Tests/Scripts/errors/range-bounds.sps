for i in 0..2.5 { }  # expect error: range bounds must be integers
