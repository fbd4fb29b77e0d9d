# Bad input: nesting through index assignment counts too.
# expect error: this assignment would nest lists or records more than 10000 levels deep

a = [0]
for i in range 20000 {
    b = [0]
    b[0] = a
    a = b
}
