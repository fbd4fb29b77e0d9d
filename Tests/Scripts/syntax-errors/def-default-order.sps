def f a=1 b { a }  # expect error: parameter 'b' without a default follows one with a default
