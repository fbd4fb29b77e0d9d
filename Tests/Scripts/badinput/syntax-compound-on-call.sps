# Bad input: syntax compound on call

def f { 1 }
# expect error: cannot assign to this expression; the left of '+=' must be a name, a member or an index
f() += 1
