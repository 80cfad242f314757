console.log("api")
