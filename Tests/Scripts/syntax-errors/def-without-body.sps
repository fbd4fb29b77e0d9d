def f a b  # expect error: expected a parameter name or '{' to start the body of def f
