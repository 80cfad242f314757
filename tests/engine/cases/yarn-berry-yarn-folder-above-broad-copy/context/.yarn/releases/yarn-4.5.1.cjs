// the Yarn release the project pins
