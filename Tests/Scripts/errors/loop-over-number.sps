for i in 5 { }  # expect error: cannot loop over a number
