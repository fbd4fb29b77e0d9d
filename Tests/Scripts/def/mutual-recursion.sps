def is_even n { if n == 0 { return true }; return is_odd (n - 1) }
def is_odd n { if n == 0 { return false }; return is_even (n - 1) }
print (is_even 10) (is_odd 7)  # expect: true true
