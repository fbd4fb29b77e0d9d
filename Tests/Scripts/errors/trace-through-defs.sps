def inner { undefined_thing }  # expect error: unknown name 'undefined_thing'
def outer { inner() }
outer()
