using Engine.Cli;

return EngineCli.Run(args, Console.In, Console.OpenStandardOutput(), Console.Error);
