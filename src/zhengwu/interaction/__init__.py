"""互动交流 (interaction): letters to the district through its channels."""
