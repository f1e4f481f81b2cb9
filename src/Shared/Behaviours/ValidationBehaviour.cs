using Analytics.Api.Shared.Errors;
using FluentValidation;
using Mediator;

namespace Analytics.Api.Shared.Behaviours;

/// <summary>Runs the message's FluentValidation validators once; any failure is 400 VALIDATION_ERROR naming the fields.</summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private readonly IValidator<TMessage>[] _validators = validators.ToArray();

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (_validators.Length > 0)
        {
            var failures = new List<FluentValidation.Results.ValidationFailure>();
            foreach (var validator in _validators)
            {
                var result = await validator.ValidateAsync(message, cancellationToken);
                failures.AddRange(result.Errors);
            }

            if (failures.Count > 0)
            {
                throw Problems.Validation(failures
                    .GroupBy(f => FieldName(f.PropertyName))
                    .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct().ToArray()));
            }
        }

        return await next(message, cancellationToken);
    }

    private static string FieldName(string propertyName) =>
        string.IsNullOrEmpty(propertyName) ? "body" : char.ToLowerInvariant(propertyName[0]) + propertyName[1..];
}
