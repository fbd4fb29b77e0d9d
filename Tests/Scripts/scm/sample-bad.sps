sample "x"  # expect error: sample needs a distribution (normal, uniform, …), a tensor or a list of numbers, got string
