def f { continue }  # expect error: 'continue' outside a loop
