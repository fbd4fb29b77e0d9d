# Bad input: nesting through index assignment counts too.

a = [0]
for i in range 20000 {
    b = [0]
    # expect error: this assignment would nest lists or records more than 10000 levels deep
    b[0] = a
    a = b
}
