def inner { undefined_thing }
def outer { inner() }
outer()  # expect error: unknown name 'undefined_thing'
