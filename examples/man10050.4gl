#-------------------------------------------------------------------#
# PROGRAMA: man10050 - PARÂMETROS DA ENGENHARIA (exemplo sintético) #
# MENU....: o atalho do menu usa a chave VDPPED (logix-license.json)#
#           que não está na lista final do programa                #
#-------------------------------------------------------------------#
DATABASE logix

DEFINE m_form    VARCHAR(10)

#-------------------#
 FUNCTION man10050()
#-------------------#
   IF NOT LOG_initApp('MANENG') THEN
      LET m_form = _ADVPL_create_component(NULL,"LFORMMETADATA")
      CALL _ADVPL_set_property(m_form,"INIT_FORM","man10050")
      CALL _ADVPL_set_property(m_form,"ACTIVATE",TRUE)
   END IF
END FUNCTION

#-------------------------------#
 FUNCTION man10050_version_info()
#-------------------------------#
  RETURN "$Archive: /logix/manufatura/man10050.4gl $|$Revision: 2 $|$Date: 14/08/2022 $"
END FUNCTION
