# Bad input: syntax compound on call
# expect error: cannot assign to this expression; the left of '+=' must be a name, a member or an index

def f { 1 }
f() += 1
