using Analytics.Api.Shared.Auth;
using Analytics.Api.Shared.Errors;
using Mediator;

namespace Analytics.Api.Shared.Behaviours;

/// <summary>Rejects an active role that may not use the endpoint at all (403 ROLE_NOT_PERMITTED), before validation.</summary>
public sealed class RoleAuthorizationBehaviour<TMessage, TResponse>(CurrentUserAccessor currentUser)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IRoleRestricted restricted)
        {
            var user = currentUser.Required;
            if (!restricted.AllowedRoles.Contains(user.ActiveRole))
            {
                throw Problems.RoleNotPermitted(user.ActiveRole, restricted.AllowedRoles);
            }
        }

        return next(message, cancellationToken);
    }
}
