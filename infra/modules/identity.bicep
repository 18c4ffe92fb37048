// The user-assigned managed identity the container app runs as: it reads Key Vault secrets and pulls
// the image. It never calls Graph on behalf of users; Graph uses the Entra app registration.
param name string
param location string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
}

output id string = identity.id
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
