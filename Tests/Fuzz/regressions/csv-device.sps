d = csv "/dev/zero"
