// The bot on Azure Container Apps: several replicas behind one HTTPS endpoint, secrets read from Key
// Vault with the managed identity, liveness on /healthz and readiness on /readyz (MongoDB and Graph).
param name string
param location string
param image string
param registryServer string
param identityId string
param botAppId string
param tenantId string
param teamsAppId string
param ssoConnectionName string
param botSecretUri string
param mongoUriSecretUri string
param minReplicas int
param maxReplicas int

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs'
  location: location
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 30 }
}

resource env 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: '${name}-env'
  location: location
  properties: {
    // The bot logs JSON lines (pino) to stdout; Log Analytics parses them into columns.
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

var port = 3978

resource app 'Microsoft.App/containerApps@2024-03-01' = {
  name: '${name}-app'
  location: location
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    managedEnvironmentId: env.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: { external: true, targetPort: port, transport: 'auto', allowInsecure: false }
      registries: empty(registryServer) ? [] : [{ server: registryServer, identity: identityId }]
      secrets: [
        { name: 'bot-app-secret', keyVaultUrl: botSecretUri, identity: identityId }
        { name: 'mongodb-uri', keyVaultUrl: mongoUriSecretUri, identity: identityId }
      ]
    }
    template: {
      containers: [
        {
          name: 'gatekeeper'
          image: image
          resources: { cpu: json('0.5'), memory: '1Gi' }
          env: [
            { name: 'MicrosoftAppId', value: botAppId }
            { name: 'MicrosoftAppType', value: 'SingleTenant' }
            { name: 'MicrosoftAppTenantId', value: tenantId }
            { name: 'MicrosoftAppPassword', secretRef: 'bot-app-secret' }
            { name: 'MONGODB_URI', secretRef: 'mongodb-uri' }
            { name: 'SSO_CONNECTION_NAME', value: ssoConnectionName }
            { name: 'TEAMS_APP_ID', value: teamsAppId }
            { name: 'PORT', value: string(port) }
            { name: 'LOG_LEVEL', value: 'info' }
          ]
          probes: [
            {
              type: 'Liveness'
              httpGet: { path: '/healthz', port: port }
              periodSeconds: 30
              failureThreshold: 3
            }
            {
              type: 'Readiness'
              httpGet: { path: '/readyz', port: port }
              periodSeconds: 15
              failureThreshold: 2
            }
            {
              type: 'Startup'
              httpGet: { path: '/healthz', port: port }
              periodSeconds: 5
              failureThreshold: 12
            }
          ]
        }
      ]
      scale: {
        minReplicas: minReplicas
        maxReplicas: maxReplicas
        rules: [{ name: 'http', http: { metadata: { concurrentRequests: '50' } } }]
      }
    }
  }
}

output fqdn string = app.properties.configuration.ingress.fqdn
