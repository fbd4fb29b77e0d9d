# expect error: draws: lr must be a distribution (loguniform 1e-4 1e-2), a list of choices, a number or a string, got record
draws {lr: {a: 1}} n=3
