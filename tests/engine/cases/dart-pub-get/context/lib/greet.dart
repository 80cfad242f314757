String greet() => "hi";
