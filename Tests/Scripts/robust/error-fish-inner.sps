# Fish's inner optimizer is Adam (DomainBed) or plain SGD (the paper)
fish inner="rmsprop"  # expect error: inner must be "adam" or "sgd", got "rmsprop"
