#---------------------------------------------------------------#
# Programas por chave de sistema - área SUPRIMENTOS             #
# (exemplo sintético)                                           #
#---------------------------------------------------------------#
DATABASE logix

#---------------------------#
 FUNCTION systemkey_sup()
#---------------------------#

  # Estoques
  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("ESTOQ" ,"sup0051,sup0074,sup0076,man10021,vdp9110")

  # Recebimento de materiais: lista longa, quebrada em três linhas
  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("SUPREC","suca0016,suca0019,"||
                                                   "sup0001,sup0011,"||
                                                   "sup0620")

  # Planejamento de compras
  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("SUPPLA","sup0700")

  # Contratos de compra (sup0099 repetido por engano)
  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("SUPCON","man10021,sup0099,sup0102,sup0099")

  {
  CALL _ADVPL_SYSTEMKEY_setAppLicenseList("ESTOQ","sup3760")   desativado: etiquetas migradas
  }

END FUNCTION
