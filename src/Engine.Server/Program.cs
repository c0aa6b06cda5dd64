using Engine.Server;

EngineServer.Build(args).Run();
