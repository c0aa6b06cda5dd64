using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace Engine.Server.Internal;

/// <summary>
/// Binds every gRPC service of the server (in place of grpc-dotnet's own binder) with request
/// marshallers that turn an undecodable message (invalid UTF-8 in a string field, a truncated or
/// malformed message) into INVALID_ARGUMENT naming the method, and one warning line, instead of
/// UNKNOWN "Exception was thrown by handler." with a stack trace in the log. The service types,
/// their methods and their attributes (authorization included) are found as grpc-dotnet finds them:
/// through the generated base class's <see cref="BindServiceMethodAttribute"/>.
/// </summary>
internal sealed class CheckedMessages<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] TService>(ILogger<CheckedMessages<TService>> logger)
    : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        for (Type? type = typeof(TService); type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is { } bind)
            {
                MethodInfo method = bind.BindType.GetMethod(bind.BindMethodName, BindingFlags.Public | BindingFlags.Static, [typeof(ServiceBinderBase), type])
                    ?? throw new InvalidOperationException($"{bind.BindType} has no {bind.BindMethodName}(ServiceBinderBase, {type.Name}).");
                method.Invoke(null, [new Binder(context, logger), null]);
                return;
            }
        }
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context, ILogger logger) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler) =>
            context.AddUnaryMethod(Checked(method), Metadata(method.Name, out MethodInfo m, typeof(TRequest), typeof(ServerCallContext)), m.CreateDelegate<UnaryServerMethod<TService, TRequest, TResponse>>());

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddServerStreamingMethod(Checked(method), Metadata(method.Name, out MethodInfo m, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)), m.CreateDelegate<ServerStreamingServerMethod<TService, TRequest, TResponse>>());

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddClientStreamingMethod(Checked(method), Metadata(method.Name, out MethodInfo m, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext)), m.CreateDelegate<ClientStreamingServerMethod<TService, TRequest, TResponse>>());

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler) =>
            context.AddDuplexStreamingMethod(Checked(method), Metadata(method.Name, out MethodInfo m, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext)), m.CreateDelegate<DuplexStreamingServerMethod<TService, TRequest, TResponse>>());

        /// <summary>The service's implementation of a method, and the endpoint metadata grpc-dotnet would give it.</summary>
        private static List<object> Metadata(string name, out MethodInfo method, params Type[] parameters)
        {
            method = typeof(TService).GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters)
                ?? throw new InvalidOperationException($"{typeof(TService)} has no method {name}.");
            return [.. typeof(TService).GetCustomAttributes(inherit: true), .. method.GetCustomAttributes(inherit: true), new HttpMethodMetadata(["POST"], acceptCorsPreflight: true)];
        }

        private Method<TRequest, TResponse> Checked<TRequest, TResponse>(Method<TRequest, TResponse> method)
        {
            Func<DeserializationContext, TRequest> inner = method.RequestMarshaller.ContextualDeserializer;
            string name = method.FullName;
            var marshaller = new Marshaller<TRequest>(method.RequestMarshaller.ContextualSerializer, payload =>
            {
                try
                {
                    return inner(payload);
                }
                catch (Exception e) when (e is not OperationCanceledException and not RpcException)
                {
                    Log.Undecodable(logger, name, e.Message);
                    throw new RpcException(new Status(StatusCode.InvalidArgument, $"the request to {name} is not a valid {typeof(TRequest).Name} message: {e.Message}"));
                }
            });
            return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, marshaller, method.ResponseMarshaller);
        }
    }
}
